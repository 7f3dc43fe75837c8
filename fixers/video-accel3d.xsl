<?xml version="1.0"?>
<!-- video-accel3d: remove 3D acceleration from a video model (shared by
     video-accel3d-model, video-accel3d-display and video-windows-accel3d).
     The <acceleration> element goes (accel2d is VirtualBox's and
     rendernode only serves accel3d); a <model> left empty is written as an
     empty element.
     Parameters: targets, the vl:id of each <acceleration>, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="video/model">
    <xsl:variable name="kept" select="*[not(self::acceleration and contains($targets, concat(' ', @vl:id, ' ')))]"/>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="$kept">
        <xsl:apply-templates select="node()[not(self::acceleration and contains($targets, concat(' ', @vl:id, ' ')))]"/>
      </xsl:if>
    </xsl:copy>
  </xsl:template>
</xsl:stylesheet>
